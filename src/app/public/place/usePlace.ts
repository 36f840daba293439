import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Place } from '../../../shared/domain/place';
import { useServices } from '../../services/services';

/** The place of the directory with this id, read again on every replica change;
 *  'loading' until the first read, undefined when there is none. */
export function usePlace(id: string): Place | undefined | 'loading' {
  const { directory } = useServices();
  const place = useSignal<Place | undefined | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    const read = () =>
      void directory.place(id).then(
        (p) => live && (place.value = p),
        () => live && (place.value = undefined),
      );
    read();
    const unsubscribe = directory.onChange(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [id, directory]);
  return place.value;
}
