// The per-thread free lists of task blocks (see detail/frame_allocator.hpp).
//
// Why: a spawned task costs one allocation (header, slot and frame in one
// block), and profiles of spawn-heavy programs showed malloc and free as the
// largest single cost, made worse because a block is often freed on another
// worker than the one that allocated it (glibc then locks the other thread's
// arena). A thread that frees a block keeps it for its own next frame of that
// size: no lock, no atomic, a pointer pop.
//
// Simple on purpose: no ownership of blocks by threads, no cross-thread
// returns, no slabs. Every cached block is an ordinary ::operator new block,
// so it can leave a list at any time through ::operator delete, from any
// thread; the lists only delay that. Each list is bounded (list_bytes), so a
// thread holds at most about size_classes x list_bytes of free blocks.

#include <asyncrt/detail/frame_allocator.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace asyncrt::detail {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool cache_enabled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool cache_enabled = false;
#else
constexpr bool cache_enabled = true;
#endif
#else
constexpr bool cache_enabled = true;
#endif

// Class 0 is "no class". The header keeps a block's class in 4 bits, hence
// 15 classes: fine-grained where small task blocks are (a trivial task's is
// 112 bytes, a sleeping one's about 190), so that rounding up wastes little.
// Each class is 8 bytes short of a multiple of 16: glibc's malloc gives a
// request of n bytes a chunk of n + 8 bytes rounded up to 16, so a block of
// 16k - 8 bytes fills its chunk (a 192-byte block would take a 208-byte
// chunk, as a 200-byte one does).
constexpr std::array<std::uint32_t, 16> class_size = {0,   120, 136, 152, 168, 184, 200, 216,
                                                      232, 248, 264, 296, 328, 392, 520, 1032};
constexpr std::size_t largest_class = 1032;

// How many bytes of free blocks a thread keeps per class: enough for a
// thousand-deep chain of small tasks to be recycled whole.
constexpr std::size_t list_bytes = 256 * 1024;

// The class of a block of `size` bytes, by 8-byte units.
constexpr std::array<std::uint8_t, largest_class / 8 + 1> class_by_units = [] {
  std::array<std::uint8_t, largest_class / 8 + 1> table{};
  unsigned c = 1;
  for (std::size_t units = 0; units < table.size(); ++units) {
    while (class_size[c] < units * 8) ++c;
    table[units] = static_cast<std::uint8_t>(c);
  }
  return table;
}();

unsigned class_of(std::size_t size) noexcept {
  if (!cache_enabled || size > largest_class) return 0;
  return class_by_units[(size + 7) / 8];
}

struct free_node {
  free_node* next;
};

struct free_list {
  free_node* head;
  std::uint32_t count;
};

// Zero-initialised and trivially destructible, so that reaching it costs no
// thread-local guard; its clean-up lives in `reaper` below.
struct thread_cache {
  std::array<free_list, class_size.size()> lists;
  std::size_t fresh_bytes;  // allocated from ::operator new since the last arena priming
  bool reaper_armed;
  bool gone;  // the thread is exiting and the lists are emptied: cache nothing more
};

thread_local thread_cache tls_cache;

void release_all(thread_cache& cache) noexcept {
  for (free_list& list : cache.lists) {
    while (free_node* node = list.head) {
      list.head = node->next;
      ::operator delete(static_cast<void*>(node));
    }
    list.count = 0;
  }
}

// Gives a thread's cached blocks back when the thread exits. Constructed on
// the thread's first caching of a block (so threads that never free a frame
// pay nothing); frames freed later in the thread's exit bypass the lists.
struct reaper {
  reaper() noexcept { tls_cache.reaper_armed = true; }
  ~reaper() {
    tls_cache.gone = true;
    release_all(tls_cache);
  }
};

thread_local reaper tls_reaper;

void arm_reaper() noexcept { [[maybe_unused]] reaper& r = tls_reaper; }

// glibc grows a thread's arena (each worker allocates from its own) a page at
// a time, with an mprotect system call per page; the main arena grows by
// 128 KiB at a time. A worker that allocates many fresh frames (a loop of
// spawns) would make a system call every twenty-odd frames. Allocating and
// freeing one 64 KiB block every 64 KiB of fresh frames makes the arena grow
// by that much at once, and the frames that follow are carved from it.
// Elsewhere it is merely a harmless allocation.
constexpr std::size_t prime_bytes = 64 * 1024;

void prime_arena(thread_cache& cache, std::size_t size) noexcept {
#if defined(__GLIBC__)
  cache.fresh_bytes += size;
  if (cache.fresh_bytes < prime_bytes) return;
  cache.fresh_bytes = 0;
  void* volatile probe = std::malloc(prime_bytes);  // volatile: the pair must not be optimised away
  std::free(probe);
#else
  static_cast<void>(cache);
  static_cast<void>(size);
#endif
}

}  // namespace

void* allocate_block(std::size_t size, unsigned& size_class) {
  const unsigned c = class_of(size);
  size_class = c;
  if (c == 0) return ::operator new(size);
  thread_cache& cache = tls_cache;
  free_list& list = cache.lists[c];
  if (free_node* node = list.head) {
    list.head = node->next;
    --list.count;
    return node;
  }
  prime_arena(cache, class_size[c]);
  return ::operator new(class_size[c]);
}

void deallocate_block(void* block, unsigned size_class) noexcept {
  if (size_class == 0) {
    ::operator delete(block);
    return;
  }
  thread_cache& cache = tls_cache;
  free_list& list = cache.lists[size_class];
  if (cache.gone || list.count >= list_bytes / class_size[size_class]) {
    ::operator delete(block);
    return;
  }
  if (!cache.reaper_armed) arm_reaper();
  list.head = ::new (block) free_node{list.head};
  ++list.count;
}

bool frame_cache_enabled() noexcept { return cache_enabled; }

std::size_t frame_cache_size() noexcept {
  std::size_t total = 0;
  for (const free_list& list : tls_cache.lists) total += list.count;
  return total;
}

}  // namespace asyncrt::detail
