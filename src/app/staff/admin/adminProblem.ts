import { errorText } from '../../i18n/errors/errorText';
import type { StaffT } from '../i18n/staffMessages';

/** The admin pages live on the server: without the network, their own words say so. */
export const isOffline = (e: unknown) => (e as { code?: string } | undefined)?.code === 'offline';

/** What an admin request's failure says: "needs internet", or the error in plain words. */
export function adminProblem(e: unknown, t: StaffT): string {
  return isOffline(e) ? t('admin.offline') : t('error', { message: errorText(e) });
}
