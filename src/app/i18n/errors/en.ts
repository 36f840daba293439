import type { EnglishOf } from '../catalogue';
import type { fr } from './fr';

// The English of the errors, loaded when the language is English. Same keys and
// placeholders as ./fr.ts (checked by the type).
export const en: EnglishOf<typeof fr> = {
  ui: {
    storage_full: 'This device does not have enough space left to save. Nothing already kept has been lost. Free some space (photos, apps), then try again.',
    'logout_refused.one': 'You cannot sign out yet: {pending} change is waiting to be sent to the server. Connect the device to the internet and wait until it is sent, then try again.',
    'logout_refused.many': 'You cannot sign out yet: {pending} changes are waiting to be sent to the server. Connect the device to the internet and wait until they are sent, then try again.',
    invalid_input: 'This information cannot be saved: {details}.',
    'invalid_input.unknown_mutation': 'unknown action ({name})',
    'invalid_input.not_editable': 'this collection cannot be edited ({collection})',
    'invalid_input.duplicate_id': 'a record already has the identifier {id}',
    'invalid_input.cannot_redo': 'this change cannot be made again ({name})',
    not_found: 'This record is no longer on the device ({collection} {id}). Sync, then try again.',
    reload_needed: 'A newer version of the app is open in another tab. Reload this page: your data is kept on the device.',
    visit_sent: 'This visit has already been sent to the server: propose the correction to the office.',
    offline: 'No connection: signing in needs the internet. Try again when the device has a signal.',
    login_failed: 'Signing in failed (error {status}). Try again.',
    request_failed: 'The server refused the request (error {status}). Try again.',
    bad_answer: 'Unexpected answer from the server. Try again.',
    not_signed_in: 'Sign in with an administrator account.',
    invalid_credentials: 'Wrong username or password.',
    bad_credentials: 'Wrong username or password.',
    account_disabled: 'This account is disabled.',
    device_revoked: 'This device has been revoked by an administrator.',
    client_mismatch: 'This device is registered for another area.',
    wrong_territory: 'This account belongs to another area: open Escale at your area’s address.',
    too_many_attempts: 'Too many tries. Try again in {minutes} minute(s).',
    token_expired: 'Session expired. Sign in again.',
    auth_required: 'Sign-in required.',
    forbidden: 'Your account cannot do this.',
    login_taken: 'This username is already taken.',
    cannot_disable_self: 'You cannot disable your own account.',
  },
};
