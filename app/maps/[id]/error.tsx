'use client';
import { PageError } from '@/app/_reference/PageError';

export default function MapError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError retry={retry} />;
}
