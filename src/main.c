/* happyvalley: a turn-based Mars-base management game. */
#include "hv_cli.h"

int main(int argc, char **argv)
{
    return hv_cli_main(argc, argv);
}
