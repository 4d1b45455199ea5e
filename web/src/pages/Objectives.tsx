export default function Objectives(_props: Record<string, unknown>) { return <main id="main" className="page">Objectives</main>; }
