/**
 * Building blocks of the field catalog: the spec constructor and the synonyms several
 * kinds share (customer code and name, product line, model, serial, account manager).
 */
import type { FieldSpec, FieldType } from './types.ts';

export function f(field: string, type: FieldType, required: boolean, synonyms: string, enumValues?: Record<string, string[]>): FieldSpec {
  const spec: FieldSpec = { field, type, required, synonyms: [...new Set(synonyms.split('|'))] };
  if (enumValues) spec.enumValues = enumValues;
  return spec;
}

export const CUSTOMER_CODE = f(
  'customerCode',
  'code',
  false,
  '客户编码|客户编号|客户代码|客户号|客户ID|客户id|客戶編碼|客戶編號|客戶代碼|单位编码|客户代号|Customer Code|Customer No|Customer Number|Customer ID|Account Code|Account No|Account ID|Cust No|Cust Code|CustomerCode|CustomerID',
);
export const CUSTOMER_NAME = f(
  'customerName',
  'text',
  false,
  '客户名称|客户|客户全称|客户单位|单位名称|公司名称|购买单位|购货单位|购方名称|客戶名稱|客戶|客戶全稱|單位名稱|公司名稱|Customer Name|Customer|Account Name|Account|Company|Company Name|Client|Client Name',
);
export const PRODUCT_LINE = '产品线|产品类别|产品大类|产品类型|产品系列|產品線|產品類別|Product Line|Product Category|Category|Product Family';
export const MODEL = '机型|型号|产品型号|设备型号|规格型号|機型|型號|產品型號|設備型號|Model|Model No|Product Model';
export const SERIAL = '设备序列号|序列号|整机编号|出厂编号|设备编号|机号|车架号|設備序號|序號|出廠編號|設備編號|Serial|Serial No|Serial Number|Machine No|Machine Serial|VIN|Equipment No';
export const MANAGER = '客户经理|销售经理|业务员|销售员|负责人|销售代表|客戶經理|銷售經理|業務員|Account Manager|Sales Manager|Sales Rep|Salesperson|Owner|Sales';
