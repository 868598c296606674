/** Simplified Chinese: the reference dictionary; its keys define MessageKey. */
export const zhCN = {
  'app.name': '客户图谱',
  'error.INVALID_INPUT': '输入无效：{why}',
  'error.UNKNOWN_METHOD': '未知的操作：{method}',
  'error.NO_WORKSPACE': '当前没有打开的工作区。',
  'error.FILE_NOT_FOUND': '找不到文件：{path}',
  'error.FILE_EXISTS': '文件已存在：{path}',
  'error.WORKSPACE_NOT_SQLITE': '“{path}”不是客户图谱工作区（不是 SQLite 数据库文件）。',
  'error.WORKSPACE_FOREIGN': '“{path}”是其他程序的 SQLite 数据库，不是客户图谱工作区。文件未被修改。',
  'error.WORKSPACE_TOO_NEW': '“{path}”由更新版本的客户图谱创建（架构版本 {found}，本程序支持到 {supported}）。请升级客户图谱后再打开。',
  'error.WORKSPACE_CORRUPT': '“{path}”已损坏或不完整，无法打开（{why}）。文件未被修改；可尝试同目录下的备份文件 {backup}。',
  'error.WORKSPACE_MIGRATIONS_DIVERGED': '“{path}”的架构历史与本程序不一致，无法安全升级。文件未被修改。',
  'error.IO_ERROR': '读写文件失败：{why}',
  'error.CANCELLED': '操作已取消，未做任何更改。',
  'error.BUSY': '另一项任务正在进行，请稍候。',
  'error.UNSUPPORTED': '此模式下不支持该操作。',
  'error.INTERNAL': '内部错误：{why}',
} as const;
