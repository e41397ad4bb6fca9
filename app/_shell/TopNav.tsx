'use client';
/**
 * The top bar's navigation. A client component only to mark the current
 * section with aria-current; it renders on the server too, so the links and
 * the marker work with JavaScript disabled.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Explorer', matches: (p: string) => p === '/' || p.startsWith('/actors') },
  { href: '/maps', label: 'Maps', matches: (p: string) => p.startsWith('/maps') },
  { href: '/sources', label: 'Sources', matches: (p: string) => p.startsWith('/sources') },
  { href: '/intake', label: 'Intake', matches: (p: string) => p.startsWith('/intake') },
  { href: '/playground', label: 'API playground', matches: (p: string) => p.startsWith('/playground') },
] as const;

export function TopNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="topnav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.matches(pathname) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
