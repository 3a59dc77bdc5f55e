import { useEffect, useState } from 'react';

/** The current time, renewed every `ms` (relative times such as "3분 전" stay true while a page is open). */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}
