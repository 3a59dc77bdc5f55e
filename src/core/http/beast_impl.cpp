// The single translation unit that compiles Asio's and Beast's separately-compiled parts.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
