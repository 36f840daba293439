import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AidantController } from './aidantController';
import { ChoosePin } from './gate/ChoosePin';
import { ProfileChooser } from './gate/ProfileChooser';
import { SignIn } from './gate/SignIn';
import { Unlock } from './gate/Unlock';
import { useAidantT } from './i18n/aidantMessages';
import type { ProfileSummary } from './lock/pinLock';

type Mode =
  | { kind: 'choose' }
  | { kind: 'signin' }
  | { kind: 'setPin'; userId: string; name: string; replace?: boolean }
  | { kind: 'unlock'; userId: string; name: string; fresh?: boolean };

function initialMode(list: readonly ProfileSummary[]): Mode {
  const usable = list.filter((p) => p.hasPin && !p.signInRequired);
  if (list.length === 0) return { kind: 'signin' };
  if (list.length === 1 && usable.length === 1) return { kind: 'unlock', userId: usable[0]!.userId, name: usable[0]!.displayName };
  return { kind: 'choose' };
}

/** Who is at the tablet: profile chooser, online sign-in, choosing a PIN, unlocking with it
 *  (one part each, in ./gate/). */
export function GateScreen({ controller }: { controller: AidantController }) {
  const t = useAidantT();
  const mode = useSignal<Mode | undefined>(undefined);
  useEffect(() => {
    void controller.refreshProfiles().then((list) => {
      const asked = controller.gateRequest.value;
      mode.value ??= asked === 'signin' ? { kind: 'signin' } : asked === 'choose' && list.length > 0 ? { kind: 'choose' } : initialMode(list);
      controller.gateRequest.value = undefined;
    });
  }, [controller]);
  useEffect(() => {
    document.title = `${t('space.title')} — Escale`;
  });

  const m = mode.value;
  if (!m) return null;
  const go = (next: Mode) => (mode.value = next);
  const pick = (p: ProfileSummary, fresh = false) => {
    if (p.signInRequired) go({ kind: 'signin' });
    else if (!p.hasPin) go({ kind: 'setPin', userId: p.userId, name: p.displayName });
    else go({ kind: 'unlock', userId: p.userId, name: p.displayName, fresh });
  };
  switch (m.kind) {
    case 'choose':
      return <ProfileChooser profiles={controller.profiles.value ?? []} onPick={(p) => pick(p)} onSignIn={() => go({ kind: 'signin' })} />;
    case 'signin':
      return <SignIn controller={controller} onBack={(controller.profiles.value?.length ?? 0) > 0 ? () => go({ kind: 'choose' }) : undefined}
        onSignedIn={(p) => pick(p, true)} />;
    case 'setPin':
      return <ChoosePin controller={controller} userId={m.userId} replace={m.replace === true} />;
    case 'unlock':
      return <Unlock controller={controller} userId={m.userId} name={m.name} onOther={() => go({ kind: 'choose' })} onSignIn={() => go({ kind: 'signin' })}
        onForgot={m.fresh ? () => go({ kind: 'setPin', userId: m.userId, name: m.name, replace: true }) : undefined} />;
  }
}
