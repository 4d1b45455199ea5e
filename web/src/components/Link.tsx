import type { AnchorHTMLAttributes } from 'react';
import { followLink } from '../state/router.ts';

/** An in-app link: a real <a href> (open in a new tab works), navigated without reloading. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={(event) => (props.onClick?.(event), followLink(event))} />;
}

/** Only http(s) links to the outside: a permalink from an import can never run script. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
