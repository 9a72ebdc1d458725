import { createRoot } from "react-dom/client";

function Popup() {
  return (
    <main style={{ font: "14px system-ui", padding: 12, width: 280 }}>
      <h1 style={{ fontSize: 16, margin: 0 }}>Sillage</h1>
      <p>Visiteurs identifiés et leads MQL — bientôt ici.</p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<Popup />);
