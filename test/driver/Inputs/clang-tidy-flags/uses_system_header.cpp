#include <coroutine_helpers.h>

asyncrt::task<int> uses_the_helper() { co_return co_await system_helper_drops_a_task(); }
