import { useEffect, useRef } from 'preact/hooks';
import type { Place } from '../../../shared/domain/place';
import { formatCalendarDate } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { publicPlaceUrl } from '../../public/place/publicPlaceUrl';
import { QrCode } from '../../public/place/QrCode';
import { useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { useAidantT } from '../i18n/aidantMessages';
import { parisDate } from '../today';
import { SheetHours } from './SheetHours';
import '../../i18n/screens';
import './handoff.css';

/** What to bring, when the sheet is handed over after a checklist run. */
export interface SheetBring {
  procedure: string;
  documents: ReadonlyArray<{ id: string; label: string; missing: boolean }>;
}

/**
 * The one-page sheet an aidant hands over (issue 22): the place's name, address, phone and
 * hours, what to bring when it follows a checklist, and a QR code of the place's public page
 * with that address written out. Everything from the replica and drawn on the tablet, so it
 * works, prints and saves as PDF with no network (./handoff.css holds the A4 print layout).
 */
export function HandoffSheet({ place, bring, onClose }: { place: Place; bring?: SheetBring | undefined; onClose: () => void }) {
  const at = useAidantT();
  const { now } = useServices();
  const heading = useRef<HTMLHeadingElement>(null);
  const url = publicPlaceUrl(location.origin, place.id);
  const title = at('handoff.title', { name: place.name });
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const before = document.title;
    document.title = `${title} — ${t('app.name')}`;
    return () => void (document.title = before);
  }, [title]);
  const town = `${place.postcode} ${place.city}`;
  return (
    <section class="page aidant-page handoff" aria-labelledby="handoff-title">
      <div class="button-row no-print">
        <button type="button" class="button button-quiet" onClick={onClose}><Icon name="back" />{at('handoff.back')}</button>
        <button type="button" class="button" onClick={() => window.print()}><Icon name="print" />{at('handoff.print')}</button>
      </div>
      <p class="hint no-print">{at('handoff.printHint')}</p>
      <article class="handoff-sheet">
        <h1 id="handoff-title" ref={heading} tabIndex={-1}>{place.name}</h1>
        <p class="handoff-kind">{label('categories', place.category)}</p>
        <div class="handoff-columns">
          <div class="handoff-facts">
            <h2>{at('handoff.address')}</h2>
            <p class="handoff-address">
              {place.address}
              {!place.address?.includes(place.postcode) && <>{place.address && <br />}{town}</>}
            </p>
            <h2>{at('handoff.phone')}</h2>
            <p class="handoff-phone">{place.phone ?? at('handoff.noPhone')}</p>
            <h2>{at('handoff.hours')}</h2>
            {place.itinerant && !place.openingHours ? <p>{at('handoff.itinerant')}</p> : <SheetHours value={place.openingHours} />}
          </div>
          <figure class="handoff-qr">
            <QrCode text={url} label={at('handoff.qrLabel', { name: place.name, url })} />
            <figcaption>{at('handoff.qrHint')} <span class="handoff-url">{url}</span></figcaption>
          </figure>
        </div>
        {bring && bring.documents.length > 0 && (
          <section class="handoff-bring" aria-labelledby="handoff-bring-title">
            <h2 id="handoff-bring-title">{at('handoff.bring', { procedure: bring.procedure })}</h2>
            <ul>
              {bring.documents.map((d) => (
                <li key={d.id}><span class="handoff-box" aria-hidden="true" /><span>{d.label}{d.missing && <strong> ({at('handoff.missing')})</strong>}</span></li>
              ))}
            </ul>
          </section>
        )}
        <p class="handoff-foot">
          {place.verifiedAt ? `${t('place.verified', { date: formatCalendarDate(place.verifiedAt) })}.` : t('place.toConfirmHint')}{' '}
          {at('handoff.given', { date: formatCalendarDate(parisDate(now())) })}
        </p>
      </article>
    </section>
  );
}
