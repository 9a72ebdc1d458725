import { createRoot } from "react-dom/client";
import { detectLang } from "../../src/i18n/index";
import { OptionsPage } from "../../src/options/options-page";
import "./style.css";

const lang = detectLang();
document.documentElement.lang = lang;
createRoot(document.getElementById("root")!).render(<OptionsPage lang={lang} />);
