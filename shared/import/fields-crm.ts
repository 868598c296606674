/**
 * Fields of the CRM exports: customers, orders/contracts, payments (回款) and opportunities (商机).
 */
import type { RecordKind } from '../schema/records.ts';
import type { FieldSpec } from './types.ts';
import { CUSTOMER_TYPES, OPPORTUNITY_RESULTS, ORDER_STATUSES } from './enum-values.ts';
import { CUSTOMER_CODE, CUSTOMER_NAME, MANAGER, MODEL, PRODUCT_LINE, f } from './field-synonyms.ts';

export const CRM_FIELDS: Pick<Record<RecordKind, FieldSpec[]>, 'customers' | 'orders' | 'payments' | 'opportunities'> = {

  customers: [
    f('code', 'code', false, CUSTOMER_CODE.synonyms.join('|')),
    f('name', 'text', true, CUSTOMER_NAME.synonyms.join('|')),
    f('type', 'enum', false, '客户类型|客户类别|客户性质|客户分类|客戶類型|客戶類別|Customer Type|Account Type|Type|Customer Category', CUSTOMER_TYPES),
    f('industry', 'text', false, '行业|所属行业|行业类别|行業|所屬行業|Industry|Sector'),
    f('province', 'province', false, '省份|省|所在省份|所属省份|省/直辖市|省市|Province|State'),
    f('city', 'city', false, '城市|市|地市|所在城市|所属城市|City|Prefecture'),
    f('county', 'county', false, '区县|区/县|县区|区|县|縣|區縣|District|County'),
    f('address', 'text', false, '地址|详细地址|通讯地址|联系地址|单位地址|公司地址|詳細地址|地點|Address|Street Address'),
    f('contact', 'text', false, '联系人|联络人|联系人姓名|聯繫人|聯絡人|Contact|Contact Person|Contact Name'),
    f('phone', 'phone', false, '电话|联系电话|手机|手机号|手机号码|联系方式|电话号码|電話|聯繫電話|手機|Phone|Telephone|Tel|Mobile|Phone Number|Contact Phone'),
    f('accountManager', 'text', false, MANAGER),
    f('salesRegion', 'text', false, '所属大区|大区|销售大区|区域|销售区域|片区|所屬大區|大區|銷售區域|Sales Region|Region|Territory|Area'),
    f('createdDate', 'date', false, '建档日期|建档时间|创建日期|创建时间|录入日期|注册日期|建檔日期|建立日期|Created|Created Date|Create Date|Created On|Since'),
  ],
  orders: [
    f('sourceId', 'code', false, '合同号|合同编号|订单号|订单编号|合同编码|销售合同号|單號|合同編號|訂單號|訂單編號|Contract No|Contract ID|Contract Number|Order No|Order ID|Order Number|SO No'),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('orderDate', 'date', true, '签订日期|合同日期|订单日期|签约日期|下单日期|日期|成交日期|簽訂日期|合同日期|訂單日期|Order Date|Contract Date|Signed Date|Date Signed|Date'),
    f('productLine', 'text', false, PRODUCT_LINE),
    f('model', 'text', false, MODEL),
    f('quantity', 'number', false, '数量|台数|台量|订购数量|數量|台數|Quantity|Qty|Units'),
    f('amount', 'amount', true, '金额|合同金额|订单金额|合同额|销售额|成交金额|总金额|含税金额|價稅合計|金額|合同金額|訂單金額|Amount|Contract Amount|Order Amount|Total|Total Amount|Value|Revenue'),
    f('paymentTerms', 'text', false, '付款方式|付款条件|结算方式|支付方式|付款條件|結算方式|Payment Terms|Payment Method|Terms'),
    f('status', 'enum', false, '状态|合同状态|订单状态|狀態|合同狀態|訂單狀態|Status|Order Status|Contract Status', ORDER_STATUSES),
  ],
  payments: [
    f('sourceId', 'code', false, '回款单号|回款编号|收款单号|收款编号|回款單號|收款單號|Payment No|Payment ID|Receipt No|Receipt ID|Collection No'),
    f('contractId', 'code', false, '合同号|合同编号|订单号|订单编号|合同編號|訂單號|Contract No|Contract ID|Order No|Order ID'),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('dueDate', 'date', true, '应收日期|应付日期|约定回款日期|计划回款日期|到期日|到期日期|應收日期|到期日|Due Date|Due|Payment Due'),
    f('amountDue', 'amount', true, '应收金额|应收款|应回款金额|计划回款金额|应收|應收金額|Amount Due|Due Amount|Receivable'),
    f('paidDate', 'date', false, '实收日期|回款日期|收款日期|到账日期|实际回款日期|實收日期|回款日期|收款日期|Paid Date|Payment Date|Received Date|Date Paid'),
    f('amountPaid', 'amount', false, '实收金额|回款金额|收款金额|到账金额|实收|實收金額|回款金額|Amount Paid|Paid Amount|Received Amount|Paid'),
  ],
  opportunities: [
    f('sourceId', 'code', false, '商机编号|商机号|商机ID|线索编号|信息单号|销售信息单号|商機編號|Opportunity ID|Opportunity No|Opportunity Number|Deal ID|Lead ID'),
    CUSTOMER_CODE,
    CUSTOMER_NAME,
    f('createdDate', 'date', true, '创建日期|创建时间|登记日期|录入日期|建立日期|日期|建立日期|創建日期|Created|Created Date|Create Date|Date Created|Date'),
    f('stage', 'text', false, '阶段|商机阶段|销售阶段|跟进阶段|階段|商機階段|銷售階段|Stage|Sales Stage|Pipeline Stage'),
    f('expectedAmount', 'amount', false, '预计金额|预计成交金额|商机金额|预估金额|金额|預計金額|商機金額|Expected Amount|Amount|Deal Value|Estimated Value|Value'),
    f('result', 'enum', false, '结果|商机结果|赢单结果|输赢|结果状态|結果|商機結果|Result|Outcome|Status|Won/Lost', OPPORTUNITY_RESULTS),
    f('closeDate', 'date', false, '关闭日期|结束日期|成交日期|赢单日期|关单日期|關閉日期|結束日期|Close Date|Closed Date|Closed'),
    f('channel', 'text', false, '来源|商机来源|线索来源|渠道|来源渠道|來源|商機來源|渠道|Channel|Source|Lead Source'),
    f('accountManager', 'text', false, MANAGER),
    f('productLine', 'text', false, PRODUCT_LINE),
  ],
};
