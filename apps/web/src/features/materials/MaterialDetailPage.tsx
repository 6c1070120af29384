import { ApproachTabs } from '../approach/ApproachTabs';

export default function MaterialDetailPage() {
  return <ApproachTabs />;
}
