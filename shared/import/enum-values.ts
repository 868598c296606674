/**
 * Labels exports use for the enumerated record fields, canonical value first. The first
 * Chinese label of each is the one the sample exports write.
 */
export const CUSTOMER_TYPES: Record<string, string[]> = {
  enterprise: ['企业', '企业客户', '公司', '施工企业', '企業', 'Enterprise', 'Company', 'Corporate', 'Business'],
  rental: ['租赁公司', '租赁', '租赁商', '租賃公司', '租賃', 'Rental', 'Rental Company', 'Leasing'],
  owner_operator: ['个体机主', '个体', '个人', '个体户', '机主', '散户', '個體機主', '個人', 'Owner Operator', 'Owner-Operator', 'Individual', 'Private'],
  government: ['政府单位', '政府', '事业单位', '政府机关', '国企事业单位', '政府單位', '政府', 'Government', 'Public Sector', 'Public'],
  dealer: ['经销商', '代理商', '经销', '代理', '經銷商', '代理商', 'Dealer', 'Distributor', 'Reseller', 'Agent'],
};

export const ORDER_STATUSES: Record<string, string[]> = {
  signed: ['已签订', '签订', '已签约', '已签', '执行中', '待发货', '已簽訂', '簽訂', 'Signed', 'Open', 'In Progress', 'Confirmed'],
  delivered: ['已发货', '发货', '已交付', '已交机', '已發貨', '發貨', 'Delivered', 'Shipped'],
  completed: ['已完成', '完成', '已结清', '已关闭', '已完结', '已完成', '結清', 'Completed', 'Complete', 'Closed', 'Done', 'Paid'],
  cancelled: ['已取消', '取消', '作废', '已作废', '已作廢', '作廢', 'Cancelled', 'Canceled', 'Void', 'Voided'],
};

export const OPPORTUNITY_RESULTS: Record<string, string[]> = {
  won: ['赢单', '赢', '成交', '已成交', '成功', '签约', '已签约', '贏單', '成交', 'Won', 'Win', 'Closed Won', 'Success'],
  lost: ['输单', '输', '丢单', '失败', '未成交', '流失', '已丢单', '輸單', '丟單', '失敗', 'Lost', 'Loss', 'Closed Lost', 'Failed'],
  open: ['进行中', '跟进中', '未关闭', '进行', '待定', '跟进', '進行中', '跟進中', 'Open', 'In Progress', 'Pending', 'Active'],
};

export const TICKET_TYPES: Record<string, string[]> = {
  repair: ['维修', '报修', '故障', '故障维修', '抢修', '維修', '報修', 'Repair', 'Breakdown', 'Fault'],
  maintenance: ['保养', '维护', '定期保养', '巡检', '保養', '維護', 'Maintenance', 'Service', 'Inspection'],
  complaint: ['投诉', '抱怨', '投訴', 'Complaint', 'Complain'],
  consultation: ['咨询', '查询', '询问', '技术咨询', '諮詢', '咨詢', 'Consultation', 'Inquiry', 'Enquiry', 'Question'],
};
