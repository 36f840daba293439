import type { Role } from '../../shared/domain/vocabularies';

/** Who is calling, as established from a valid bearer token. */
export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  territoryId: string;
  clientId: string;
  tokenHash: string;
}
