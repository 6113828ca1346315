"use client";
/** The reader's bar, from the controls kit: page progress, page turns, settings, next chapter, fullscreen. */
import type { Ref } from "react";
import ControlBar, { Spacer, TimeLabel } from "@/components/controls/ControlBar";
import { ControlButton } from "@/components/controls/ControlButton";
import FullscreenButton from "@/components/controls/FullscreenButton";
import { ChevronLeftIcon, ChevronRightIcon, NextChapterIcon, SettingsIcon } from "@/components/controls/icons";
import { Menu, MenuAnchor, MenuGroup, MenuItem, useMenus } from "@/components/controls/Menu";
import ProgressBar from "@/components/controls/ProgressBar";
import type { ReaderQuality } from "@/lib/api/reader";
import type { ReaderAction } from "./readerNav";
import type { ReaderFit, ReaderMode, ReaderPrefs } from "./readerStore";

const MODES: { value: ReaderMode; label: string }[] = [
  { value: "ltr", label: "Сторінки зліва направо" },
  { value: "rtl", label: "Сторінки справа наліво" },
  { value: "webtoon", label: "Вертикальна стрічка" },
];
const FITS: { value: ReaderFit; label: string }[] = [
  { value: "height", label: "За висотою" },
  { value: "width", label: "За шириною" },
];
const QUALITIES: { value: ReaderQuality; label: string }[] = [
  { value: "data", label: "Оригінал" },
  { value: "data-saver", label: "Економія трафіку" },
];

export default function ReaderControls(props: {
  visible: boolean;
  page: number;
  total: number;
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onAction: (action: ReaderAction) => void;
  onGoTo: (index: number) => void;
  nextChapter: { number: string; url: string } | null;
  onNavigate: (url: string) => void;
  fullscreen: boolean;
  onToggleFullscreen: () => void;
}) {
  const menus = useMenus<"settings">();
  const shown = Math.min(props.page + 1, props.total);
  const rtl = props.prefs.mode === "rtl";
  // In right-to-left reading "forward" sits on the left, like the pages themselves.
  const left = rtl ? "next" : "prev";
  const right = rtl ? "prev" : "next";
  const label = (action: ReaderAction) => (action === "next" ? "Наступна сторінка" : "Попередня сторінка");
  return (
    <ControlBar
      visible={props.visible || menus.open !== null}
      barRef={menus.barRef as Ref<HTMLDivElement>}
      testId="reader-controls"
      progress={
        <div dir={rtl ? "rtl" : "ltr"}>
          <ProgressBar
            label="Сторінка"
            value={shown}
            max={props.total}
            valueText={`Сторінка ${shown} з ${props.total}`}
            onChange={(value) => props.onGoTo(Math.max(0, value - 1))}
          />
        </div>
      }
    >
      <ControlButton label={label(left)} onClick={() => props.onAction(left)} testId={`reader-${left}`}>
        <ChevronLeftIcon />
      </ControlButton>
      <TimeLabel testId="reader-counter">
        {shown} / {props.total}
      </TimeLabel>
      <ControlButton label={label(right)} onClick={() => props.onAction(right)} testId={`reader-${right}`}>
        <ChevronRightIcon />
      </ControlButton>
      <Spacer />
      <MenuAnchor>
        <ControlButton
          label="Налаштування читання"
          onClick={() => menus.toggle("settings")}
          active={menus.open === "settings"}
          testId="reader-settings"
        >
          <SettingsIcon />
        </ControlButton>
        {menus.open === "settings" && (
          <Menu title="Налаштування читання" onClose={menus.close}>
            <MenuGroup label="Режим">
              {MODES.map(({ value, label: text }) => (
                <MenuItem
                  key={value}
                  selected={props.prefs.mode === value}
                  onClick={menus.choose(() => props.onPrefs({ mode: value }))}
                  testId={`reader-mode-${value}`}
                >
                  {text}
                </MenuItem>
              ))}
            </MenuGroup>
            <MenuGroup label="Масштаб">
              {FITS.map(({ value, label: text }) => (
                <MenuItem
                  key={value}
                  selected={props.prefs.fit === value}
                  onClick={menus.choose(() => props.onPrefs({ fit: value }))}
                  testId={`reader-fit-${value}`}
                >
                  {text}
                </MenuItem>
              ))}
            </MenuGroup>
            <MenuGroup label="Якість зображень">
              {QUALITIES.map(({ value, label: text }) => (
                <MenuItem
                  key={value}
                  selected={props.prefs.quality === value}
                  onClick={menus.choose(() => props.onPrefs({ quality: value }))}
                  testId={`reader-quality-${value}`}
                >
                  {text}
                </MenuItem>
              ))}
            </MenuGroup>
          </Menu>
        )}
      </MenuAnchor>
      {props.nextChapter && (
        <ControlButton
          label={`Наступний розділ (${props.nextChapter.number})`}
          onClick={() => props.onNavigate(props.nextChapter!.url)}
          testId="reader-next-chapter"
        >
          <NextChapterIcon />
        </ControlButton>
      )}
      <FullscreenButton fullscreen={props.fullscreen} onToggle={props.onToggleFullscreen} />
    </ControlBar>
  );
}
