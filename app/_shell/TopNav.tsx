'use client';
/**
 * The top bar's navigation. A client component only to mark the current
 * section with aria-current and to close the narrow-screen menu after a move;
 * it renders on the server too, so the links, the marker and the menu (a
 * native <details> disclosure) work with JavaScript disabled.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

const LINKS = [
  { href: '/', label: 'Explorer', matches: (p: string) => p === '/' || p.startsWith('/actors') },
  { href: '/maps', label: 'Maps', matches: (p: string) => p.startsWith('/maps') },
  { href: '/sources', label: 'Sources', matches: (p: string) => p.startsWith('/sources') },
  { href: '/intake', label: 'Intake', matches: (p: string) => p.startsWith('/intake') },
  { href: '/playground', label: 'API playground', matches: (p: string) => p.startsWith('/playground') },
] as const;

export function TopNav() {
  const pathname = usePathname() ?? '/';
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  const current = LINKS.find((l) => l.matches(pathname));
  const list = (
    <ul>
      {LINKS.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={link.matches(pathname) ? 'page' : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="topnav" aria-label="Main">
      {/* Wide screens: the links in a row. Narrow ones: a menu button (CSS shows one or the other). */}
      <div className="topnav-row">{list}</div>
      <details
        ref={menu}
        className="topnav-menu"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menu.current?.open) {
            menu.current.open = false;
            menu.current.querySelector('summary')?.focus();
          }
        }}
      >
        <summary data-testid="nav-menu">
          <span className="topnav-menu-current">{current?.label ?? 'Menu'}</span>
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          <span className="visually-hidden"> menu</span>
        </summary>
        {list}
      </details>
    </nav>
  );
}
