import { t } from '../../i18n/i18n';

/** A term and its answer, said in words with a mark (never by colour alone); "not known"
 *  when the directory does not say. */
export function YesNo({ term, value }: { term: string; value: boolean | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value === undefined ? t('place.unknownValue') : value ? `✓ ${t('place.yes')}` : `✗ ${t('place.no')}`}</dd>
    </>
  );
}
