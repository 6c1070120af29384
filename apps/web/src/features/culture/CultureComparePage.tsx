import { ApproachTabs } from '../approach/ApproachTabs';

export default function CultureComparePage() {
  return <ApproachTabs />;
}
