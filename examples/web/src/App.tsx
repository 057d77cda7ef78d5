import { Timeline } from "./Timeline";
import { TopBuyers } from "./TopBuyers";

export function App() {
  return (
    <main>
      <h1>tradegraph example</h1>
      <TopBuyers />
      <Timeline />
    </main>
  );
}
