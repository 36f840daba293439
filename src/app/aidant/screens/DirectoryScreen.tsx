import { useSignal } from '@preact/signals';
import { useRoute } from 'preact-iso';
import { noteWarnings } from '../../../shared/visits/noteMinimisation';
import { label } from '../../i18n/i18n';
import { OpeningBadge } from '../../public/hours/OpeningBadge';
import { PlaceScreen } from '../../public/place/PlaceScreen';
import { useAppState, useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { newId } from '../coverage';
import { errorText } from '../../i18n/errors/errorText';
import { useAidantT } from '../i18n/aidantMessages';
import { Icon } from '../../ui/Icon';
import { HandoffSheet } from '../handoff/HandoffSheet';
import { useHandoff } from '../handoff/useHandoff';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The directory at hand: the same places as the public side, searched by name or commune. */
export function DirectoryScreen() {
  const t = useAidantT();
  usePageTitle(t('directory.title'));
  const state = useAppState();
  const query = useSignal('');
  const q = fold(query.value.trim());
  const places = state.places.value
    .filter((p) => q === '' || fold(`${p.name} ${p.city} ${label('categories', p.category)}`).includes(q))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <section class="page aidant-page" aria-labelledby="directory-title">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <label for="directory-search">{t('directory.search')}</label>
      <input id="directory-search" type="search" class="text-input" value={query.value} autoComplete="off"
        onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)} />
      <p role="status">{t('directory.count', { count: places.length })}</p>
      <ul class="place-list">
        {places.map((place) => (
          <li class="place-item" key={place.id}>
            <a class="place-link" href={`/aidant/lieu/${encodeURIComponent(place.id)}`}>
              <span class="place-name">{place.name}</span>
              <span class="place-meta"><span>{label('categories', place.category)}</span><span>{place.city}</span></span>
              <OpeningBadge value={place.openingHours} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A place as the public sees it, plus the hand-off sheet (QR code, print), the team-only
 *  details and "report a correction". */
export function AidantPlaceScreen() {
  const t = useAidantT();
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const state = useAppState();
  const { now } = useServices();
  const { controller, me } = useAidant();
  const place = state.places.value.find((p) => p.id === id);
  const open = useSignal(false);
  const message = useSignal('');
  const sent = useSignal(false);
  const error = useSignal<string | undefined>(undefined);
  const handoff = useHandoff();
  if (place && handoff.placeId === place.id) return <HandoffSheet place={place} onClose={handoff.close} />;

  async function send(e: Event) {
    e.preventDefault();
    const text = message.value.trim();
    if (!text || !place) return;
    try {
      await controller.backend.writes.proposeCorrection({
        id: newId(), territoryId: place.territoryId, collection: 'place', recordId: place.id, message: text.slice(0, 2000),
        proposedBy: me.userId, createdAt: now().toISOString(), status: 'pending',
      });
      sent.value = true;
      open.value = false;
      message.value = '';
      controller.changed.value++;
    } catch (err) {
      error.value = errorText(err);
    }
  }
  const internal = place?.internal;
  return (
    <div class="aidant-place">
      <p><a class="back-link aidant-back" href="/aidant/annuaire">← {t('directory.back')}</a></p>
      {place && (
        <p>
          <button type="button" id="handoff-open" class="button" onClick={() => handoff.open(place.id, 'handoff-open')}>
            <Icon name="qr" />{t('handoff.open')}
          </button>
        </p>
      )}
      <PlaceScreen />
      {internal && (internal.notes || internal.directPhone) && (
        <section class="card internal" aria-labelledby="internal-title">
          <h2 id="internal-title">{t('directory.internal')}</h2>
          {internal.directPhone && <p>{t('directory.directPhone', { phone: internal.directPhone })}</p>}
          {internal.notes && <p>{internal.notes}</p>}
        </section>
      )}
      {place && (
        <section class="card" aria-labelledby="report-title">
          <h2 id="report-title">{t('directory.report')}</h2>
          {sent.value && <p role="status" class="notice">{t('directory.reportSent')}</p>}
          {!open.value ? (
            <button type="button" class="button" onClick={() => (open.value = true)}>{t('directory.report')}</button>
          ) : (
            <form onSubmit={send} class="stack">
              <label for="report-message">{t('directory.reportLabel')}</label>
              <textarea id="report-message" class="text-input" rows={3} maxLength={2000} value={message.value}
                onInput={(e) => (message.value = (e.currentTarget as HTMLTextAreaElement).value)} required />
              {noteWarnings(message.value).map((w) => <p class="notice notice-warn" key={w.kind}>{t(`note.${w.kind}`)}</p>)}
              {error.value && <p class="notice notice-warn" role="alert">{error.value}</p>}
              <button type="submit" class="button">{t('directory.reportSend')}</button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
