import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { loadConfig } from '@/graph/config';
import { TopNav } from './_shell/TopNav';
import './globals.css';

export function generateMetadata(): Metadata {
  const publicUrl = loadConfig().publicUrl;
  return {
    title: { default: 'Steppe', template: '%s · Steppe' },
    description:
      'Steppe maps political power: who appointed, prosecuted, allied with and invested in whom, with every relationship dated and cited.',
    applicationName: 'Steppe',
    // Absolute addresses for link previews of shared maps (og:image).
    ...(publicUrl ? { metadataBase: new URL(publicUrl) } : {}),
  };
}

export const viewport: Viewport = {
  themeColor: '#ffffff',
  colorScheme: 'light',
};

/**
 * The app shell: skip link, a compact top bar, and the page in <main>.
 * Rendered per request (connection()): the scripts carry this response's CSP
 * nonce (proxy.ts), which a page prerendered at build time could not.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <Link href="/" className="brand" aria-label="Steppe home">
            <BrandMark />
            <span>Steppe</span>
          </Link>
          <TopNav />
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

/** Three linked nodes: the product in one glyph. Decorative. */
function BrandMark() {
  return (
    <svg className="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M5 14.5 10 5l5 9.5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <circle cx="10" cy="5" r="2.6" fill="currentColor" />
      <circle cx="5" cy="14.5" r="2.6" fill="currentColor" />
      <circle cx="15" cy="14.5" r="2.6" fill="currentColor" />
    </svg>
  );
}
