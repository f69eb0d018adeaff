/* happyvalley: a turn-based Mars-base management game. The command line
 * reads every command; the window, when this build has one (HV_UI), is
 * handed to it for the main menu and `play` without --terminal. */
#include "hv_cli.h"
#ifdef HV_UI
#include "hv_ui.h"
#endif

int main(int argc, char **argv)
{
#ifdef HV_UI
    return hv_cli_main(argc, argv, hv_ui_run, hv_ui_file_kinds);
#else
    return hv_cli_main(argc, argv, NULL, NULL);
#endif
}
