// Objectives: the list at /objectives, the editor at /objectives/new and /objectives/ID.
import { ObjectiveEditor } from './objectives/Editor.tsx';
import { ObjectiveList } from './objectives/List.tsx';

export default function Objectives({ editing }: { editing: string | null }) {
  return editing === null ? <ObjectiveList /> : <ObjectiveEditor id={editing === 'new' ? null : editing} />;
}
