import { ApproachTabs } from '../approach/ApproachTabs';

export default function ModelDetailPage() {
  return <ApproachTabs />;
}
