import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Which place's hand-off sheet a screen shows, if any; closing it gives the focus back to
 *  the button that opened it (keyboard and screen-reader users land where they were). */
export function useHandoff(): { placeId: string | undefined; open: (placeId: string, openerId: string) => void; close: () => void } {
  const shown = useSignal<string | undefined>(undefined);
  const opener = useRef<string | undefined>(undefined);
  // Set by close() only: an effect queued before the sheet opened must not take the focus.
  const returnTo = useRef<string | undefined>(undefined);
  const placeId = shown.value;
  // Before the paint, in the render that brings the opener back: an effect after the paint
  // leaves a moment where the focus is nowhere (on the body), and a screen reader or a
  // fast keyboard user starts from the top of the page.
  useLayoutEffect(() => {
    if (placeId !== undefined || !returnTo.current) return;
    document.getElementById(returnTo.current)?.focus();
    returnTo.current = undefined;
  }, [placeId]);
  return {
    placeId,
    open(id, openerId) {
      opener.current = openerId;
      shown.value = id;
      window.scrollTo(0, 0);
    },
    close() {
      returnTo.current = opener.current;
      shown.value = undefined;
    },
  };
}
