// Who is logged in, the server's today, and what every page reads once: the catalog and the filter choices.
import { createContext, useContext, type ReactNode } from 'react';
import type { AuthState, CatalogEntry, Dimensions, Me, Role } from '../api/types.ts';

export interface Session {
  user: Me;
  today: string;
  catalog: CatalogEntry[];
  dimensions: Dimensions;
  kpi: (id: string) => CatalogEntry | undefined;
  can: (role: Role) => boolean;
  logout: () => void;
  refreshAuth: () => Promise<AuthState>;
}

const ORDER: Role[] = ['viewer', 'analyst', 'admin'];
export const roleAtLeast = (role: Role, needed: Role) => ORDER.indexOf(role) >= ORDER.indexOf(needed);

const Context = createContext<Session | null>(null);
export const SessionProvider = ({ value, children }: { value: Session; children: ReactNode }) => (
  <Context.Provider value={value}>{children}</Context.Provider>
);

export function useSession(): Session {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
