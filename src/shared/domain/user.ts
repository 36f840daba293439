import * as z from 'zod/mini';
import { idSchema, nonEmptyText, territoryIdSchema } from './common';
import { ROLES } from './vocabularies';

export const loginSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,39}$/));

/** An account as the API shows it (never with its password hash). */
export const userSchema = z.object({
  id: idSchema,
  login: loginSchema,
  displayName: nonEmptyText(100),
  role: z.enum(ROLES),
  territoryId: territoryIdSchema,
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
