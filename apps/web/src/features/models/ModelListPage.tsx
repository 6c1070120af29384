import { ApproachTabs } from '../approach/ApproachTabs';

export default function ModelListPage() {
  return <ApproachTabs />;
}
