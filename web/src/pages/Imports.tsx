export default function Imports(_props: Record<string, unknown>) { return <main id="main" className="page">Imports</main>; }
