import type { ProfileSummary } from '../lock/pinLock';
import { useAidantT } from '../i18n/aidantMessages';

/** Who is at the tablet: one big button per aidant known here, and another aidant's sign-in. */
export function ProfileChooser({ profiles, onPick, onSignIn }: {
  profiles: readonly ProfileSummary[];
  onPick: (profile: ProfileSummary) => void;
  onSignIn: () => void;
}) {
  const t = useAidantT();
  return (
    <section class="page aidant-gate" aria-labelledby="gate-title">
      <h1 id="gate-title">{t('gate.title')}</h1>
      <p>{t('gate.intro')}</p>
      <ul class="plain-list profile-list">
        {profiles.map((p) => (
          <li key={p.userId}>
            <button type="button" class="button button-big profile-button" onClick={() => onPick(p)}>
              {p.displayName}
              {p.signInRequired && <span class="profile-state"> ({t('gate.signInRequired')})</span>}
              {!p.signInRequired && !p.hasPin && <span class="profile-state"> ({t('gate.noPin')})</span>}
            </button>
          </li>
        ))}
      </ul>
      <p><button type="button" class="button button-quiet" onClick={onSignIn}>{t('gate.newAidant')}</button></p>
    </section>
  );
}
