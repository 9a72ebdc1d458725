import { createRoot } from "react-dom/client";
import { detectLang } from "../../src/i18n/index";
import { PopupApp } from "../../src/popup/popup-app";
import "./style.css";

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById("root")!).render(<PopupApp lang={lang} />);
