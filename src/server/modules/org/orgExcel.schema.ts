import { z } from 'zod';

export const ImportResult = z.object({
  orgsCreated: z.number().int().describe('新建组织数'),
  orgsUpdated: z.number().int().describe('修改组织数'),
  peopleCreated: z.number().int().describe('新增人员数'),
  peopleUpdated: z.number().int().describe('更新人员数'),
});

/** One entry of `error.details` when an import is refused (422 IMPORT_INVALID); documentation only. */
export const ImportErrorDetail = z.object({
  sheet: z.string().describe('工作表名称：组织 或 人员'),
  row: z.number().int().describe('Excel行号（第1行为表头）'),
  column: z.string().describe('列名（表头文字）'),
  message: z.string().describe('错误原因'),
});
