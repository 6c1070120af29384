import { ApproachTabs } from '../approach/ApproachTabs';

export default function ApproachReviewListPage() {
  return <ApproachTabs />;
}
