import { ApproachTabs } from '../approach/ApproachTabs';

export default function CultureFormPage() {
  return <ApproachTabs />;
}
