import { ApproachTabs } from '../approach/ApproachTabs';

export default function CultureDetailPage() {
  return <ApproachTabs />;
}
