/** The fullscreen toggle of a control bar (pair it with `useFullscreen`). */
import { ControlButton } from "./ControlButton";
import { ExitFullscreenIcon, FullscreenIcon } from "./icons";

export default function FullscreenButton({ fullscreen, onToggle }: { fullscreen: boolean; onToggle: () => void }) {
  return (
    <ControlButton label={fullscreen ? "Вийти з повноекранного режиму" : "На весь екран"} onClick={onToggle}>
      {fullscreen ? <ExitFullscreenIcon /> : <FullscreenIcon />}
    </ControlButton>
  );
}
