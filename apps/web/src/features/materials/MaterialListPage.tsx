import { ApproachTabs } from '../approach/ApproachTabs';

export default function MaterialListPage() {
  return <ApproachTabs />;
}
