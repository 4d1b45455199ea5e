// Pages past the scorecard load on demand, drawn the moment their chunk arrives. React's lazy() with
// Suspense holds a revealed page back for up to 300 ms after its fallback showed; a page is not a
// list of placeholders that must not flicker, so it does without.
import { useEffect, useState, type ComponentType } from 'react';
import { Loading } from '../components/States.tsx';

export interface LazyPage<P> {
  (props: P): React.ReactElement;
  /** Starts fetching the chunk (idempotent): called as soon as the path says which page comes. */
  preload: () => Promise<ComponentType<P>>;
}

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        loading = null; // a failed chunk (a new deployment, the network) is asked again next time
        throw error;
      },
    );
    return loading;
  };
  function Page(props: P) {
    const [component, setComponent] = useState<{ page: ComponentType<P> } | null>(loaded ? { page: loaded } : null);
    const [failed, setFailed] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      preload().then(
        (page) => live && setComponent({ page }),
        (error: unknown) => live && setFailed(error),
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (failed) throw failed;
    if (!component)
      return (
        <main id="main" className="page">
          <Loading />
        </main>
      );
    const Loaded = component.page;
    return <Loaded {...props} />;
  }
  return Object.assign(Page, { preload });
}
