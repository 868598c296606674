/**
 * Fields of the service-system exports: tickets (报修 / 400 工单), surveys (满意度调研) and equipment usage (物联网).
 */
import type { RecordKind } from '../schema/records.ts';
import type { FieldSpec } from './types.ts';
import { TICKET_TYPES } from './enum-values.ts';
import { CUSTOMER_CODE, CUSTOMER_NAME, MODEL, PRODUCT_LINE, SERIAL, f } from './field-synonyms.ts';

export const SERVICE_FIELDS: Pick<Record<RecordKind, FieldSpec[]>, 'tickets' | 'surveys' | 'equipment'> = {
  tickets: [
    f('sourceId', 'code', false, '工单号|工单编号|服务单号|报修单号|服务工单号|工單號|工單編號|服務單號|Ticket No|Ticket ID|Ticket Number|Case No|Case ID|Work Order|Service Order No'),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('serial', 'code', false, SERIAL),
    f('openedDate', 'date', true, '报修日期|报修时间|受理日期|创建日期|工单日期|开单日期|派工日期|報修日期|受理日期|Opened|Opened Date|Open Date|Reported Date|Created Date|Date'),
    f('closedDate', 'date', false, '完成日期|完工日期|关闭日期|结单日期|完成时间|解决日期|完成日期|結單日期|Closed|Closed Date|Close Date|Completed Date|Resolved Date'),
    f('type', 'enum', true, '类型|工单类型|服务类型|报修类型|服务类别|類型|工單類型|服務類型|Type|Ticket Type|Service Type|Category', TICKET_TYPES),
    f('satisfaction', 'number', false, '满意度|客户满意度|服务满意度|评价|满意度评分|滿意度|Satisfaction|Rating|CSAT'),
    f('description', 'text', false, '描述|故障描述|问题描述|服务内容|内容|备注|故障現象|問題描述|描述|Description|Problem|Issue|Details|Notes'),
  ],
  surveys: [
    f('sourceId', 'code', false, '调研编号|问卷编号|调查编号|回访编号|調研編號|問卷編號|Survey ID|Survey No|Response ID'),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('surveyDate', 'date', true, '调研日期|调查日期|回访日期|问卷日期|日期|調研日期|調查日期|Survey Date|Date|Response Date'),
    f('score', 'number', true, '得分|分数|评分|满意度得分|总分|滿意度得分|分數|評分|Score|Rating|Total Score|NPS'),
    f('comments', 'text', false, '意见|意见建议|建议|客户意见|评论|备注|意見|建議|Comments|Comment|Feedback|Remarks|Suggestions'),
  ],
  equipment: [
    f('serial', 'code', true, SERIAL),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('model', 'text', true, MODEL),
    f('productLine', 'text', false, PRODUCT_LINE),
    f('purchaseDate', 'date', true, '购买日期|购机日期|销售日期|交机日期|交付日期|出厂日期|購買日期|購機日期|Purchase Date|Purchased|Delivery Date|Sold Date'),
    f('workingHours30d', 'number', false, '近30天工作小时|近30天工时|30天工作小时|月工作小时|工作小时|工时|近30天工作時數|工作時數|Working Hours|Hours (30d)|Working Hours 30d|Hours|Engine Hours'),
    f('lastOnline', 'date', false, '最近上线|最后上线|最近上线时间|最后在线|最近在线|最後上線|Last Online|Last Seen|Last Report'),
    f('location', 'text', false, '位置|所在位置|设备位置|当前位置|定位|所在地|位置信息|設備位置|Location|Position|Current Location'),
  ],
};
