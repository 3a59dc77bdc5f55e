import { useLayoutEffect, type RefObject } from 'react';

/**
 * Makes the element reach from where it starts to the bottom of the visible viewport (and follow it when the
 * window or an on-screen keyboard changes it), so that a chat's composer sits at the bottom of the screen.
 */
export function useFillViewport(ref: RefObject<HTMLElement | null>, minHeight = 320): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const viewport = window.visualViewport?.height ?? window.innerHeight;
      const gap = parseFloat(getComputedStyle(el).marginBottom) || 0;
      el.style.height = `${Math.max(minHeight, Math.floor(viewport - top - gap))}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    window.visualViewport?.addEventListener('resize', fit);
    // The header may change height (fonts arriving, a wrapped menu).
    const header = document.querySelector('.site-header');
    const ro = typeof ResizeObserver !== 'undefined' && header ? new ResizeObserver(fit) : null;
    if (ro && header) ro.observe(header);
    return () => {
      window.removeEventListener('resize', fit);
      window.visualViewport?.removeEventListener('resize', fit);
      ro?.disconnect();
    };
  }, [ref, minHeight]);
}
