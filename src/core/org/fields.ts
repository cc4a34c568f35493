// Limits and formats of org and person fields, shared by the API schemas and the Excel importer so
// that a row the importer accepts is one the API would accept too.

export const ORG_NAME_MAX = 100;
export const ORG_CODE_MAX = 32;
export const PERSON_NAME_MAX = 50;
export const POSITION_MAX = 100;
export const SORT_ORDER_MAX = 1_000_000;

export const ORG_CODE_PATTERN = /^[A-Za-z0-9._-]+$/;
export const ORG_CODE_MESSAGE = `组织编码须为1-${ORG_CODE_MAX}位字母、数字或 . _ -`;

export function orgCodeError(code: string): string | null {
  return code.length <= ORG_CODE_MAX && ORG_CODE_PATTERN.test(code) ? null : ORG_CODE_MESSAGE;
}

/** A sort order typed into a cell: "3", "3.0" or the number 3; anything else is an error message. */
export function parseSortOrder(text: string): { value: number } | { error: string } {
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < 0 || value > SORT_ORDER_MAX) {
    return { error: `排序须为0-${SORT_ORDER_MAX}之间的整数` };
  }
  return { value };
}

/** The years duty roles and leading groups may be recorded for. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
