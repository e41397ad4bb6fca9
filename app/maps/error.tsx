'use client';
import { PageError } from '@/app/_reference/PageError';

export default function MapsError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError retry={retry} />;
}
