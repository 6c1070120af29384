import { ApproachTabs } from '../approach/ApproachTabs';

export default function ModelEditorPage() {
  return <ApproachTabs />;
}
