import { ApproachTabs } from './ApproachTabs';

export default function ApproachOverviewPage() {
  return <ApproachTabs />;
}
