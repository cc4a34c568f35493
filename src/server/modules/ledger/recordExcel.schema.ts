import { z } from 'zod';

export const ImportRecordsResult = z.object({ created: z.number().int().describe('新增记录数') });
