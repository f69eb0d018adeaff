/* happyvalley: a turn-based Mars-base management game. */
#include "hv_cli.h"
#include "hv_ui.h"

int main(int argc, char **argv)
{
    return hv_cli_main(argc, argv, hv_ui_run, hv_ui_file_kinds);
}
