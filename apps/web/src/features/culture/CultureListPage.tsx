import { ApproachTabs } from '../approach/ApproachTabs';

export default function CultureListPage() {
  return <ApproachTabs />;
}
